# A page in no toctree (marked :orphan: so that the strict build passes)
# and a page listed only in that orphan's toctree: neither is reachable.
project = "Structure orphans"
