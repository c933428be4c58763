-- Runs once, when the compose PostgreSQL starts on an empty volume (docker-entrypoint-initdb.d).
-- Each service owns its database (docs/conventions.md: kinerja_<service>); services share data only
-- through GraphQL entities and Kafka events. Keycloak keeps its realm in its own database.
CREATE DATABASE kinerja_personnel;
CREATE DATABASE kinerja_competency;
CREATE DATABASE kinerja_performance;
CREATE DATABASE kinerja_attendance;
CREATE DATABASE kinerja_remuneration;
CREATE DATABASE keycloak;
