"""A generated corpus of fictional governance papers, each with a gold file.

`minutebook synth` writes the agendas, packs, minutes and decision records
of fictional bodies (a Commissioner's board and sub-groups, a Police and
Crime Panel, a joint audit committee) in text, HTML, DOCX and PDF, with a
gold JSON file beside each document stating what it prints, for tests, the
demo and benchmarks. Plain Python: nothing here imports Django.

How it fits together, in the order data flows:

- world.py, names.py, styles.py, schedule.py: the area, people holding posts
  over time, the bodies, their house styles and meeting dates.
- topics.py, planning.py: what each meeting is planned to discuss.
- meetings.py (with attendance.py, actions.py, decisions.py, prose.py,
  naming.py): the simulation, meeting by meeting in date order, into model.py.
- minutes.py, agenda.py, reports.py, decision.py: lay papers out as
  format-neutral blocks (document.py).
- render_text.py, render_html.py, render_docx.py, render_pdf.py: the formats.
- gold.py: the gold files; corpus.py: writing it all; command.py: the CLI;
  generate.py: the same from Python (`write_corpus(out, bodies=3, ...)`).

Output: DIR/<name>.<txt|html|docx|pdf> with DIR/<name>.gold.json beside it,
and DIR/manifest.json listing every document (readers of DIR should take the
document list from the manifest, or skip *.gold.json and manifest.json).
"""
