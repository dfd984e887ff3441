"""crosswire.demo"""
