# A syntax error stops the check: nothing after it can be analysed.
async def main():
    print('unclosed'
