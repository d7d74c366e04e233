# A program containing only comments and blank lines runs, prints nothing, and exits with status 0.

# (nothing else here)
