package dev.vastguard.emulator;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A DynamoDB client for AWS emulators: every write goes to the emulator one at a time, reads run concurrently.
 *
 * <p>moto 5 does not isolate concurrent transactions: a cancelled transaction restores a copy of each table it
 * touched, taken when it started, and so wipes whatever other requests wrote to those tables meanwhile. Real
 * DynamoDB transactions are serializable and need none of this. Serialising writes in the one process that talks
 * to the emulator (the local runner, an integration test) gives back DynamoDB's guarantees, while reads stay
 * concurrent, so admissions still decide on stale snapshots and only the optimistic lock keeps them correct.
 * Table management (create, describe, time to live, waiters) passes through, so the same client can set up the
 * tables it then uses. Never used in a deployed function.
 */
public final class SerializedWritesDynamoDbClient implements DynamoDbClient {

    private final DynamoDbClient delegate;
    private final Object writes = new Object();

    /**
     * Wraps a client.
     *
     * @param delegate the client that reaches the emulator
     */
    public SerializedWritesDynamoDbClient(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        synchronized (writes) {
            return delegate.transactWriteItems(request);
        }
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        synchronized (writes) {
            return delegate.putItem(request);
        }
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        synchronized (writes) {
            return delegate.updateItem(request);
        }
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        synchronized (writes) {
            return delegate.deleteItem(request);
        }
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        synchronized (writes) {
            return delegate.batchWriteItem(request);
        }
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return delegate.getItem(request);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        return delegate.batchGetItem(request);
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
        return delegate.transactGetItems(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return delegate.query(request);
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        return delegate.scan(request);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return delegate.describeTable(request);
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        synchronized (writes) {
            return delegate.createTable(request);
        }
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
        return delegate.describeTimeToLive(request);
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        synchronized (writes) {
            return delegate.updateTimeToLive(request);
        }
    }

    @Override
    public DynamoDbWaiter waiter() {
        return delegate.waiter();
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
