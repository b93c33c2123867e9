-- Which subscriptions have a Peering Service agreement, kept from peering-service's agreement events: with
-- one, a connection may be added with useForPeeringService true.
create table peering_service_agreement_view (
    subscription_id varchar(64) primary key,
    agreed          boolean     not null
);
