"""crosswire.brief"""
