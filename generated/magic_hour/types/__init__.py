"""Request (`params`) and response (`models`) types."""
