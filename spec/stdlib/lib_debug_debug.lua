-- debug.debug with an empty standard input: prints its prompt to stderr once and returns at end of input.
print("before")
print(select("#", debug.debug()))
print("after")
