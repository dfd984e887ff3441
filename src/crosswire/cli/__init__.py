"""crosswire.cli"""
