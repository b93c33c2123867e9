-- Run once by the postgres image on an empty data volume: one database per service.
CREATE DATABASE asn_validation;
CREATE DATABASE peering;
CREATE DATABASE connection;
CREATE DATABASE registration;
