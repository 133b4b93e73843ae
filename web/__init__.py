"""The office's web app over records/ (and generator/ for copies): `create_app` is public.

Nothing below it knows it exists; only cli/ imports it (``tianbiao serve``).
"""
