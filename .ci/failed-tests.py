"""Prints each failed test of the given .trx files: its name, the first lines of its message, and the project's own
frames of its stack trace. Used by .ci/run just above the totals line."""
import sys
import xml.etree.ElementTree as tree

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

for path in sys.argv[1:]:
    for result in tree.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", "", NS).strip().splitlines()
        stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", "", NS).strip().splitlines()
        print(f"FAILED {result.get('testName')} ({result.get('duration')})")
        for line in message[:12] + [frame for frame in stack if "OrgTasks" in frame][:6]:
            print("    " + line.strip()[:300])
