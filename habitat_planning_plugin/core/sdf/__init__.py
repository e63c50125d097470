"""Spatial Development Framework: scalogram, centrality, development index, accessibility, priorities."""
