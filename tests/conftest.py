import os

os.environ.setdefault("RENJA_TESTING", "1")
os.environ.setdefault("RENJA_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "var",
                                                     "test"))
