"""Prompt texts, one file each, shipped as package data; read them with assistant.prompts.load_prompt."""
