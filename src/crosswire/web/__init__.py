"""crosswire.web"""
