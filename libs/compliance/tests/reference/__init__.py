"""The checks as they were before they were made faster (libs/compliance at 3dad39b), kept to prove that the
faster code finds the same: test_reference compares both on the benchmark's captions and on generated text.

Only the code that reads captions is here; the rules, platforms and values (model, rules, platforms) are the
live package's, so a change of the rules changes both alike. Change nothing here but imports: where the
behaviour is meant to change, change the tests that state it and drop this reference.
"""
