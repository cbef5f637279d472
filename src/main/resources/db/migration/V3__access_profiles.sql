-- Requests that grant or take away an access profile of the catalog name it.
alter table access_request add column profile varchar(128);
