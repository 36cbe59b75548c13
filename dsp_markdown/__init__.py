"""The site's own Python-Markdown extension (`dsp_markdown.extension`), which MkDocs and Zensical both run.

It shows what the gate saw: a status line under each code block, and the tables of the
Status, Performance and notes-map pages. See extension.py.
"""
