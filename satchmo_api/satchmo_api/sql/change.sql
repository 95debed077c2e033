-- Rows waiting to be published (seq IS NULL) are found by this small index,
-- whatever the size of the published log.
CREATE INDEX satchmo_api_change_unpublished ON satchmo_api_change (id) WHERE seq IS NULL;
