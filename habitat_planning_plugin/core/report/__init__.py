"""The report every tool shares: HTML with escaped text, embedded charts and maps, in the user's language."""
