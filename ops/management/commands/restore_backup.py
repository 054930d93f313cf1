from django.core.management.base import BaseCommand, CommandError

from ops.backups import BackupError, run_restore


class Command(BaseCommand):
    help = "Restore database and media from the latest (or the named) backup over the live site."

    def add_arguments(self, parser):
        parser.add_argument("--db-file", help="database backup file name (default: the latest)")
        parser.add_argument("--media-file", help="media backup file name (default: the latest)")
        parser.add_argument("--noinput", action="store_true", help="do not ask for confirmation")
        parser.add_argument("--keep-extra-media", action="store_true", help="keep media files added since the backup")

    def handle(self, *args, db_file=None, media_file=None, noinput=False, keep_extra_media=False, **options):
        if not noinput:
            answer = input("This replaces ALL data and media of this site with the backup. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            db, media = run_restore(db_file, media_file, delete_extra_media=not keep_extra_media)
        except BackupError as exc:  # refused before anything live was touched, or failed and rolled back
            raise CommandError(f"Restore refused: {exc}") from exc
        self.stdout.write(f"Restored {db} and {media}.")
