-- A teacher deletes a resource or one of its versions (or cancels an upload): the rows stay, marked, because
-- attendance records name the resource that was studied and version numbers are never reused; the files go (the
-- asset is released to media-service, whose sweep stops its transcoding and removes its objects).
ALTER TABLE resource ADD COLUMN deleted_at TIMESTAMP(3) NULL;
ALTER TABLE resource_version ADD COLUMN deleted_at TIMESTAMP(3) NULL;
