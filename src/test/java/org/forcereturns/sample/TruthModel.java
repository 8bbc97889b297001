package org.forcereturns.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.forcereturns.domain.FinancialYear;

/**
 * The truth: every offence a correct pipeline must publish from the sample inbox. 2023/24 reproduces the published
 * figures exactly (see /work/shared/reference/published-figures.md); 2022/23 is plausible data for a few forces.
 */
final class TruthModel {

    static final FinancialYear FY_2022 = new FinancialYear(2022);
    static final FinancialYear FY_2023 = new FinancialYear(2023);

    static final int TOTAL_2023 = 38_685;
    static final int PLATFORM_RECORDED_2023 = 7_338;

    /** Force totals published for 2023/24, by police.uk slug. */
    static final Map<String, Integer> PUBLISHED_TOTALS_2023 = ordered(
            "south-yorkshire", 1_249, "hampshire", 1_239, "south-wales", 964,
            "north-wales", 535, "gwent", 503, "dyfed-powys", 192);

    /**
     * Rough resident population in thousands (ONS mid-year estimates, rounded), used only to spread the offences of
     * the forces whose totals are not published. The City of London gets its daytime weight, not its 10,000 residents.
     */
    static final Map<String, Integer> POPULATION_THOUSANDS = ordered(
            "metropolitan", 8_800, "cumbria", 500, "lancashire", 1_530, "merseyside", 1_430,
            "greater-manchester", 2_870, "cheshire", 1_080, "northumbria", 1_480, "durham", 640,
            "north-yorkshire", 830, "west-yorkshire", 2_350, "humberside", 930, "cleveland", 570,
            "west-midlands", 2_920, "staffordshire", 1_140, "west-mercia", 1_310, "warwickshire", 600,
            "derbyshire", 1_050, "nottinghamshire", 1_160, "lincolnshire", 770, "leicestershire", 1_120,
            "northamptonshire", 790, "cambridgeshire", 900, "norfolk", 920, "suffolk", 760,
            "bedfordshire", 690, "hertfordshire", 1_200, "essex", 1_870, "thames-valley", 2_460,
            "surrey", 1_210, "kent", 1_870, "sussex", 1_710, "city-of-london", 40,
            "devon-and-cornwall", 1_800, "avon-and-somerset", 1_760, "gloucestershire", 650,
            "wiltshire", 740, "dorset", 780);

    /** The 20 forces that recorded the platform in 2023/24. */
    static final List<String> PLATFORM_FORCES_2023 = List.of(
            "south-yorkshire", "hampshire", "south-wales", "north-wales", "gwent", "dyfed-powys",
            "kent", "essex", "lancashire", "merseyside", "cheshire", "cumbria", "durham", "norfolk",
            "suffolk", "surrey", "wiltshire", "dorset", "staffordshire", "derbyshire");

    /** Forces that also sent 2022/23 data, and those of them that recorded the platform then. */
    static final List<String> FORCES_2022 = List.of(
            "kent", "south-wales", "cumbria", "gwent", "west-yorkshire", "thames-valley", "northumbria");
    static final List<String> PLATFORM_FORCES_2022 = List.of("kent", "south-wales", "cumbria", "gwent");

    /**
     * 2023/24 platform values, exactly: Snapchat 3,648; Instagram 840; Facebook 537; WhatsApp 457; no value names two
     * Meta products (so Meta = 1,834); the rest non-Meta, with "Other" taking what is left of the 7,338.
     */
    static Map<Mention, Integer> mix2023() {
        Map<Mention, Integer> mix = new LinkedHashMap<>();
        mix.put(Mention.of("Snapchat"), 3_413);
        mix.put(Mention.of("Snapchat", "Instagram"), 120);
        mix.put(Mention.of("Snapchat", "WhatsApp"), 60);
        mix.put(Mention.of("Snapchat", "Facebook"), 30);
        mix.put(Mention.of("Snapchat", "TikTok"), 25);
        mix.put(Mention.of("Instagram"), 705);
        mix.put(Mention.of("Instagram", "TikTok"), 15);
        mix.put(Mention.of("Facebook"), 497);
        mix.put(Mention.of("Facebook", "TikTok"), 10);
        mix.put(Mention.of("WhatsApp"), 397);
        mix.put(Mention.of("TikTok"), 520);
        mix.put(Mention.of("X"), 190);
        mix.put(Mention.of("Discord"), 240);
        mix.put(Mention.of("Kik"), 90);
        mix.put(Mention.of("Telegram"), 85);
        mix.put(Mention.of("Text message"), 260);
        mix.put(Mention.of("Email"), 60);
        mix.put(Mention.of("Roblox"), 75);
        mix.put(Mention.of("YouTube"), 40);
        mix.put(Mention.unrecognised("gaming site"), 14);
        mix.put(Mention.unrecognised("Chat room"), 11);
        mix.put(Mention.unrecognised("dating site"), 6);
        int used = mix.values().stream().mapToInt(Integer::intValue).sum();
        mix.put(Mention.of("Other"), PLATFORM_RECORDED_2023 - used);
        return mix;
    }

    /** 2022/23 platform values as weights (percent): Snapchat about 44% where identified; two-Meta values allowed. */
    static Map<Mention, Integer> weights2022() {
        Map<Mention, Integer> mix = new LinkedHashMap<>();
        mix.put(Mention.of("Snapchat"), 42);
        mix.put(Mention.of("Snapchat", "Instagram"), 2);
        mix.put(Mention.of("Instagram"), 11);
        mix.put(Mention.of("Facebook"), 7);
        mix.put(Mention.of("WhatsApp"), 5);
        mix.put(Mention.of("WhatsApp", "Facebook"), 2);
        mix.put(Mention.of("Facebook Messenger"), 3);
        mix.put(Mention.of("TikTok"), 8);
        mix.put(Mention.of("X"), 3);
        mix.put(Mention.of("Discord"), 3);
        mix.put(Mention.of("Kik"), 2);
        mix.put(Mention.of("Text message"), 5);
        mix.put(Mention.of("Email"), 1);
        mix.put(Mention.of("Other"), 4);
        mix.put(Mention.unrecognised("Chat room"), 1);
        return mix;
    }

    private final ReferenceData reference;
    private final SortedMap<FinancialYear, Map<String, List<Offence>>> offences = new TreeMap<>();

    private TruthModel(ReferenceData reference) {
        this.reference = reference;
    }

    static TruthModel build(ReferenceData reference, long seed) {
        TruthModel model = new TruthModel(reference);
        model.build2023(new Random(seed));
        model.build2022(new Random(seed * 31 + 2022));
        return model;
    }

    private void build2023(Random rnd) {
        Map<String, Integer> totals = new LinkedHashMap<>(PUBLISHED_TOTALS_2023);
        int published = PUBLISHED_TOTALS_2023.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> weights = new LinkedHashMap<>();
        POPULATION_THOUSANDS.forEach((slug, pop) -> weights.put(slug, pop * (0.9 + 0.2 * rnd.nextDouble())));
        totals.putAll(largestRemainder(weights, TOTAL_2023 - published));
        for (ReferenceData.ForceRef force : reference.forces()) {
            if (!totals.containsKey(force.slug())) {
                throw new IllegalStateException("no 2023/24 total for " + force.slug());
            }
        }

        Map<String, Double> rates = new LinkedHashMap<>();
        for (String slug : PLATFORM_FORCES_2023) {
            rates.put(slug, totals.get(slug) * (0.25 + 0.5 * rnd.nextDouble()));
        }
        Map<String, Integer> recorded = largestRemainder(rates, PLATFORM_RECORDED_2023);

        List<Mention> pool = new ArrayList<>(PLATFORM_RECORDED_2023);
        mix2023().forEach((mention, n) -> pool.addAll(Collections.nCopies(n, mention)));
        for (Mention m : pool) {
            m.platforms().stream().filter(p -> !p.equals(Mention.UNRECOGNISED)).forEach(reference::platform);
        }
        Collections.shuffle(pool, rnd);
        int next = 0;
        Map<String, List<Offence>> byForce = new LinkedHashMap<>();
        for (ReferenceData.ForceRef force : reference.forces()) {
            int n = totals.get(force.slug());
            int p = recorded.getOrDefault(force.slug(), 0);
            if (p > n) {
                throw new IllegalStateException("more platform-recorded offences than offences for " + force.slug());
            }
            byForce.put(force.slug(), offences(force.slug(), FY_2023, n, pool.subList(next, next + p), rnd));
            next += p;
        }
        offences.put(FY_2023, byForce);
    }

    private void build2022(Random rnd) {
        Map<String, List<Offence>> byForce = new LinkedHashMap<>();
        List<Mention> choices = new ArrayList<>();
        weights2022().forEach((mention, w) -> choices.addAll(Collections.nCopies(w, mention)));
        for (String slug : FORCES_2022) {
            int n = (int) Math.round(offences(slug, FY_2023).size() * (0.82 + 0.1 * rnd.nextDouble()));
            List<Mention> mentions = new ArrayList<>();
            if (PLATFORM_FORCES_2022.contains(slug)) {
                int p = (int) Math.round(n * (0.35 + 0.25 * rnd.nextDouble()));
                for (int i = 0; i < p; i++) {
                    mentions.add(choices.get(rnd.nextInt(choices.size())));
                }
            }
            byForce.put(slug, offences(slug, FY_2022, n, mentions, rnd));
        }
        offences.put(FY_2022, byForce);
    }

    /** n offences of one force in one year, {@code mentions.size()} of them with a platform recorded. */
    private List<Offence> offences(String slug, FinancialYear year, int n, List<Mention> mentions, Random rnd) {
        List<Mention> platform = new ArrayList<>(mentions);
        platform.addAll(Collections.nCopies(n - mentions.size(), null));
        Collections.shuffle(platform, rnd);
        List<LocalDate> dates = new ArrayList<>(n);
        List<String> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dates.add(randomDay(year, rnd));
            codes.add(randomCode(rnd));
        }
        Collections.sort(dates);
        List<Offence> out = new ArrayList<>(n);
        int seq = 1000 + rnd.nextInt(9000);
        for (int i = 0; i < n; i++) {
            seq += 1 + rnd.nextInt(40);
            out.add(new Offence(slug, dates.get(i), codes.get(i), platform.get(i), crimeRef(slug, year, seq), false));
        }
        return List.copyOf(out);
    }

    static LocalDate randomDay(FinancialYear year, Random rnd) {
        return year.firstDay().plusDays(rnd.nextInt(year.days()));
    }

    /** In-scope codes, roughly as forces record them: distribution most, possession of prohibited images least. */
    static String randomCode(Random rnd) {
        double r = rnd.nextDouble();
        return r < 0.30 ? "86/2" : r < 0.92 ? "86/10" : "86/15";
    }

    /** A force-style crime reference, e.g. {@code SY/23/004512}. */
    static String crimeRef(String slug, FinancialYear year, int seq) {
        StringBuilder prefix = new StringBuilder();
        for (String word : slug.split("-")) {
            prefix.append(Character.toUpperCase(word.charAt(0)));
        }
        return String.format(Locale.ROOT, "%s/%02d/%06d", prefix, year.startYear() % 100, seq);
    }

    /** Splits {@code total} in proportion to the weights, exactly, by the largest-remainder method (ties: map order). */
    static Map<String, Integer> largestRemainder(Map<String, Double> weights, int total) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Integer> out = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int allocated = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double exact = total * e.getValue() / sum;
            int floor = (int) Math.floor(exact);
            out.put(e.getKey(), floor);
            allocated += floor;
            remainders.add(Map.entry(e.getKey(), exact - floor));
        }
        remainders.sort(Comparator.comparing((Map.Entry<String, Double> e) -> e.getValue()).reversed());
        for (int i = 0; i < total - allocated; i++) {
            out.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        return out;
    }

    List<Offence> offences(String slug, FinancialYear year) {
        return offences.getOrDefault(year, Map.of()).getOrDefault(slug, List.of());
    }

    /** What a correct pipeline publishes from this truth. */
    Tally tally() {
        Tally tally = new Tally();
        offences.forEach((year, byForce) -> byForce.forEach((slug, list) -> {
            String code = reference.force(slug).code();
            for (Offence o : list) {
                tally.add(year, code, 1, o.mention());
            }
        }));
        return tally;
    }

    private static <V> Map<String, V> ordered(Object... keyValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) keyValues[i + 1];
            map.put((String) keyValues[i], value);
        }
        return Collections.unmodifiableMap(map);
    }
}
