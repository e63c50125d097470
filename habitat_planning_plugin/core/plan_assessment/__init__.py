"""City-wide plan assessment: frameworks, scorecards, aggregation of assessors and their agreement."""
