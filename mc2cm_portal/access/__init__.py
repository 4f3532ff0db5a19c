"""Who may get in and download what: partners' sign-in, document privacy, uploads and
the media files served."""
