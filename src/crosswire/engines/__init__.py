"""crosswire.engines"""
