"""crosswire.store"""
