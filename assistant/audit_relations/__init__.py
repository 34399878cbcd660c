"""Relations between the figures of a report, each recognised from the words that tie them."""
