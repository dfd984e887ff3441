"""crosswire.render"""
