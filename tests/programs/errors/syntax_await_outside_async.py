# `await` in a plain function is a SyntaxError, reported before anything runs.
# CPython underlines the await expression; as this one goes on over several lines,
# the marker runs to the end of its first line.
print("this line must not run")


def total(client):
    prices = await client.fetch_prices(
        "apples",
        "pears",
    )
    return sum(prices)
