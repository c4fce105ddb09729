-- Single and double quoted strings; an escaped newline is a newline.
print("double", 'single')
print("it's", 'say "hi"')
print("multi\
line")
print('a\'b', "a\"b")
print(#"", #'', "" == '')
print("x" == 'x')
local s = 'tab\there'
print(s)
print(load('return "unfinished'))
print(load("return 'line\nbreak'"))
print(load("return 'mixed\""))
