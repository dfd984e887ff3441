"""crosswire.link"""
