"""Documents as other people's tools make them, written from a generated plan so that every
value is known: a hand-typed two-row-header workbook, SIPD's "Download Excel" (HTML named
.xls, T-C.33 and the 17-column SIPD-RI table), a Word-like PDF. Used by `renja demo-data
--convention` and by the tests of the importers."""
