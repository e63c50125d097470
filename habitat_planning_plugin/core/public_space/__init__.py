"""Public space inventory, SDG 11.7.1 land share and access, quality scoring."""
