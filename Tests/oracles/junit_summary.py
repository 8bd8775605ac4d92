"""Reads a JUnit XML report with junitparser and prints what a CI dashboard would show, as JSON.

Usage: junit_summary.py REPORT.xml
Prints {"tests": N, "failures": N, "errors": N, "cases": [{"name", "classname", "result": "passed|failure|error", "message"}]}.
"""
import json
import sys

from junitparser import Error, Failure, JUnitXml

xml = JUnitXml.fromfile(sys.argv[1])
cases = []
tests = failures = errors = 0
for suite in xml:
    tests += suite.tests
    failures += suite.failures
    errors += suite.errors
    for case in suite:
        result = "passed"
        message = None
        for item in case.result:
            if isinstance(item, Failure):
                result, message = "failure", item.message
            elif isinstance(item, Error):
                result, message = "error", item.message
        cases.append({"name": case.name, "classname": case.classname, "result": result, "message": message})
print(json.dumps({"tests": tests, "failures": failures, "errors": errors, "cases": cases}))
