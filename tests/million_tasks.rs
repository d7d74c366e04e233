//! Bad input for the scheduler (issue #4): 1,000,000 tasks created at once all run,
//! in creation order, and finish, as in CPython, without a panic. It takes tens of
//! seconds on a small machine (CPython too), so it has its own generous time limit.

mod common;

use std::time::Duration;

#[test]
fn one_million_tasks_at_once() {
    let tmp = common::TempDir::new("million");
    let program = tmp.write(
        "million.py",
        b"import asyncio\n\nN = 1000000\norder = []\n\n\nasync def tick(i):\n    order.append(i)\n\n\nasync def main():\n    tasks = [asyncio.create_task(tick(i)) for i in range(N)]\n    print(len(tasks), 'tasks created')\n    await asyncio.gather(*tasks)\n    print(len(order), 'ran, in order:', order == list(range(N)))\n    print(all(t.done() for t in tasks))\n\n\nasyncio.run(main())\n",
    );
    let (dir, name) = common::split_path(&program);
    let r = common::run(
        &mut common::baton_in(&dir, &name),
        None,
        Duration::from_secs(600),
    );
    r.assert_no_panic();
    assert_eq!(
        r.stdout_text(),
        "1000000 tasks created\n1000000 ran, in order: True\nTrue\n",
        "{}",
        r.describe()
    );
    assert_eq!(r.code(), Some(0), "{}", r.describe());
}
