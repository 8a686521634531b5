"""Reading a question as people write it: normalisation, dates, shorthand, word meaning, parts, claims, small talk."""
