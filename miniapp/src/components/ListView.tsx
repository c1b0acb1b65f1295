import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PagedList } from '../hooks/usePagedList';
import { StateView } from './StateView';
import { ErrorLine } from './ErrorLine';
import './ListView.css';
import { Button } from './Button';

type MoreState = Pick<PagedList<unknown, unknown>, 'items' | 'nextCursor' | 'paged' | 'more' | 'moreError' | 'loadMore'>;

/** Under a paged list: 加载更多 while there is a next page, what went wrong with it, 没有更多了 at the end. */
export function LoadMore({ list }: { list: MoreState }) {
  return (
    <>
      {list.nextCursor && (
        <View className="list-more">
          {/* disabled/loading as true or undefined: H5 renders false as disabled="false", which .btn[disabled] greys out */}
          <Button className="btn btn-plain" disabled={list.more || undefined} loading={list.more || undefined} onClick={() => list.loadMore()}>
            加载更多
          </Button>
        </View>
      )}
      <ErrorLine error={list.moreError} className="list-more-error" />
      {list.paged && !list.nextCursor && list.items.length > 0 && <View className="muted list-end">没有更多了</View>}
    </>
  );
}

/**
 * A list from usePagedList: 加载中 until the first page, the error with 重试 when nothing could be
 * loaded, `emptyText` when there is nothing, else the rows (children) and LoadMore under them.
 */
export function ListView<T>({ list, emptyText, children }: { list: PagedList<T, unknown>; emptyText?: ReactNode; children: ReactNode }) {
  return (
    <StateView loading={list.loading && !list.items.length} error={list.error} onRetry={list.refresh} empty={!list.items.length} emptyText={emptyText}>
      {children}
      <LoadMore list={list} />
    </StateView>
  );
}
