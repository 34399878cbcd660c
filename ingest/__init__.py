"""Turn report files into indexed, citable chunks."""
