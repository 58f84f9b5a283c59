"""The pure core: vocabulary, the card and its fields, the stored shape, merge, dates, insight. No I/O, no threads, no Textual."""
