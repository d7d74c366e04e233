# string.Template: substitute with a mapping and/or keywords (keywords win), $$, ${name}
# next to text, safe_substitute leaving unknown and invalid placeholders alone,
# KeyError for a missing name, ValueError naming the line and column of an invalid
# placeholder, is_valid, get_identifiers, a subclass with its own delimiter; and
# capwords.
from string import Template, capwords

t = Template("$who likes $what")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "tim", "what": "tea"}, what="coffee"))
print(t.safe_substitute(who="tim"), t.template)
print(Template("$$ is a dollar; ${noun}ification costs $$5").substitute(noun="dollar"))
print(Template("$a$b ${a}_x $a.b").substitute(a=1, b=[2]))

for text in ("tim $", "price: $5", "line one\nline two ${ bad }", "$who and ${what"):
    tmpl = Template(text)
    try:
        tmpl.substitute(who="x", what="y")
    except ValueError as e:
        print("ValueError:", e)
    print(repr(tmpl.safe_substitute(who="x")), tmpl.is_valid())
try:
    t.substitute(who="tim")
except KeyError as e:
    print("KeyError:", e)
print(Template("$a ${b} $a $$c $1").get_identifiers())

class Percent(Template):
    delimiter = "%"

print(Percent("%name scored %{score}%% today").substitute(name="Ann", score=97))
print(capwords("  the quick   brown fox "), capwords("a-b-c", "-"))
