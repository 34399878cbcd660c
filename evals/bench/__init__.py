"""Archive-scale benchmark: a fictional archive of any size, measured in separate processes."""
