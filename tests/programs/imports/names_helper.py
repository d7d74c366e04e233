# helper: string constants and an attribute for interned_names.py (not run on its own).
GREETING = "hello"
SENTENCE = "hello world"


class Box:
    def __init__(self):
        self.payload = 1
