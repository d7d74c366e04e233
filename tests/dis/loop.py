# dis: a for loop over range with break/continue and an accumulator.
total = 0
for i in range(10):
    if i == 3:
        continue
    if i == 8:
        break
    total += i
print(total)
