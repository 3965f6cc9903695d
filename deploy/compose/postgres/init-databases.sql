-- One database per service (DESIGN.md: no service reads another's tables); each service's Flyway creates its tables.
-- Run once by the postgres image on an empty volume; on Kubernetes, run it against your PostgreSQL cluster.
CREATE DATABASE invoice_service;
CREATE DATABASE dunning_service;
CREATE DATABASE payment_service;
CREATE DATABASE notification_service;
