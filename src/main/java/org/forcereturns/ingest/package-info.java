/** Low-level reading of a force return: encoding and delimiter sniffing, an RFC 4180 record reader keeping raw text and line numbers, and header mapping. */
package org.forcereturns.ingest;
