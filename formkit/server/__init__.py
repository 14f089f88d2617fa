"""The Flask backend: hosted and embedded forms, submissions, withdrawal, SMS webhook."""
