from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from cus_site.storage import bucket_policy


class Command(BaseCommand):
    help = (
        "Prints the bucket policy that lets anyone read public/ and nothing else; --apply "
        "puts it on S3_BUCKET (the keys need s3:PutBucketPolicy)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="put the policy on the bucket")

    def handle(self, *args, apply=False, **options):
        if not settings.OBJECT_STORAGE:
            raise CommandError("S3_BUCKET is not set: uploads are in MEDIA_ROOT, not a bucket.")
        bucket = settings.OBJECT_STORAGE["S3_BUCKET"]
        policy = bucket_policy(bucket)
        if not apply:
            self.stdout.write(policy)
            return
        default_storage.connection.meta.client.put_bucket_policy(Bucket=bucket, Policy=policy)
        self.stdout.write(f"The policy is on {bucket}: public/ is readable by anyone.")
